package io.bikecast.prediction.predict;

import io.bikecast.platform.web.InvalidField;
import java.util.List;

/**
 * A request body that can say what its invalid fields mean for the request as a whole (a batch: how many of its rows
 * are bad), better than the generic "The prediction request has invalid fields.".
 */
public interface DescribesInvalidFields {

    /** The problem's {@code detail} for these errors of this body. */
    String invalidFieldsDetail(List<InvalidField> errors);
}

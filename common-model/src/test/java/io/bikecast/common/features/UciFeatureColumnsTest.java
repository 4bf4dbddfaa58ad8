package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;
import org.junit.jupiter.api.Test;

class UciFeatureColumnsTest {

    @Test
    void readsEachFeatureFromTheColumnOfItsUciNameWhateverTheColumnOrder() throws Exception {
        UciFeatures expected = new UciFeatures(3, 1, 7, 17, 0, 3, 1, 2, 0.74, 0.7045, 0.45, 0.1896);
        List<Feature> reversed = FeatureSchema.features().reversed();
        RowSetMetaDataImpl metadata = new RowSetMetaDataImpl();
        metadata.setColumnCount(reversed.size());
        for (int i = 0; i < reversed.size(); i++) {
            metadata.setColumnName(i + 1, reversed.get(i).columnName());
            metadata.setColumnType(
                    i + 1, reversed.get(i).kind() == FeatureKind.DISCRETE ? Types.INTEGER : Types.DOUBLE);
        }
        try (CachedRowSet row = RowSetProvider.newFactory().createCachedRowSet()) {
            row.setMetaData(metadata);
            row.moveToInsertRow();
            for (int i = 0; i < reversed.size(); i++) {
                Feature feature = reversed.get(i);
                if (feature.kind() == FeatureKind.DISCRETE) {
                    row.updateInt(i + 1, (int) expected.value(feature));
                } else {
                    row.updateDouble(i + 1, expected.value(feature));
                }
            }
            row.insertRow();
            row.moveToCurrentRow();
            row.beforeFirst();
            assertThat(row.next()).isTrue();

            assertThat(UciFeatureColumns.read(row)).isEqualTo(expected);
        }
    }
}

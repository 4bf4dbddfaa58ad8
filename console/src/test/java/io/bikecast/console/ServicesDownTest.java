package io.bikecast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** With every service down, each page still answers 200 and says which service is down: never an error page. */
@SpringBootTest(
        properties = {
            "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
            "bikecast.console.prediction-url=http://127.0.0.1:9",
            "bikecast.console.ingest-url=http://127.0.0.1:9",
            "bikecast.console.training-url=http://127.0.0.1:9",
            "bikecast.console.monitoring-url=http://127.0.0.1:9",
            "bikecast.console.backtest-directory=target/no-backtests-here"
        })
@AutoConfigureMockMvc
class ServicesDownTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/forecast", "/models", "/drift", "/stations", "/stations?system=sim"})
    void eachPageSaysWhichServiceIsDown(String page) throws Exception {
        MvcResult result = mvc.perform(get(page)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("is down: it does not answer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"natural", "uci"})
    void aPredictionWhileThePredictionServiceIsDownSaysSo(String form) throws Exception {
        MvcResult result = mvc.perform(post("/predict").param("form", form).param("hr", "17"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString())
                .contains("The prediction service is down")
                .containsPattern("name=\"temperatureCelsius\"\\s+value=\"28\"")
                .containsPattern("name=\"hr\"\\s+value=\"17\"");
    }

    @Test
    void backtestsWithoutReportsSayHowToMakeOne() throws Exception {
        MvcResult result = mvc.perform(get("/backtests")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("No backtest report there yet");
    }

    @Test
    void aMoveWhileTheTrainingServiceIsDownSaysSo() throws Exception {
        MvcResult result = mvc.perform(post("/models/promote")
                        .param("version", "2")
                        .param("reason", "test")
                        .param("apiKey", "key"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("outcome").toString()).contains("is down");
    }
}

package dev.switchboard.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.engine.NameNotFound;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ApiErrors inside Spring MVC, with a tiny API controller: the failures Spring raises while it
 * binds a request reach the advice, and the advice wins over the pages' advice.
 */
class ApiErrorsMvcTests {

    @RestController
    static class TinyApi {

        record Move(String target, Boolean acknowledge) {
        }

        @GetMapping("/api/v1/items/{id}")
        String item(@PathVariable long id) {
            return "item " + id;
        }

        @GetMapping("/api/v1/items")
        String items(@RequestParam int limit, @RequestParam(required = false) Boolean all,
                     @RequestParam(required = false) TimeUnit unit) {
            return "items";
        }

        @GetMapping("/api/v1/groups/{name}")
        String group(@PathVariable String name) {
            throw new NameNotFound("group", name);
        }

        @PostMapping("/api/v1/groups/{name}/move")
        String move(@PathVariable String name, @RequestBody(required = false) Move body) {
            return "moved";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TinyApi())
            .setControllerAdvice(new PageErrors(), new ApiErrors(ApiErrorsTests.messages())).build();

    @Test
    void aPathVariableOfTheWrongTypeNamesTheParameterAndWhatItMustBe() throws Exception {
        mvc.perform(get("/api/v1/items/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.code").value(1))
                .andExpect(jsonPath("$.result.message").value("id: “abc” is not a whole number such as 42; correct id "
                        + "and send the request again."))
                .andExpect(jsonPath("$.parameter").value("id"));
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsAnsweredInTheReadersLanguage() throws Exception {
        mvc.perform(get("/api/v1/items?limit=abc").header("Accept-Language", "ja")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.message").value("limit: 「abc」は整数 (例: 42)ではありません。limit を直して送り直してください。"))
                .andExpect(jsonPath("$.parameter").value("limit"));
    }

    @Test
    void aBooleanAndAnEnumParameterSayWhichValuesTheyTake() throws Exception {
        mvc.perform(get("/api/v1/items?limit=1&all=maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.message").value("all: “maybe” is not true or false; correct all and send "
                        + "the request again."));
        mvc.perform(get("/api/v1/items?limit=1&unit=WEEKS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.message").value(org.hamcrest.Matchers.startsWith(
                        "unit: “WEEKS” is not one of NANOSECONDS, MICROSECONDS")));
    }

    @Test
    void aMissingParameterIsNamedWithTheFix() throws Exception {
        mvc.perform(get("/api/v1/items")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.code").value(1))
                .andExpect(jsonPath("$.result.message").value("limit: the parameter is missing; add limit=… to the "
                        + "request."))
                .andExpect(jsonPath("$.parameter").value("limit"));
    }

    @Test
    void aBodyThatIsNotJsonGetsAnExampleOfOne() throws Exception {
        mvc.perform(post("/api/v1/groups/g/move").contentType(MediaType.APPLICATION_JSON).content("{target: srv2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.code").value(1))
                .andExpect(jsonPath("$.result.message").value("The request body is not valid JSON. Send a JSON object "
                        + "such as " + ApiErrors.BODY_EXAMPLE + ", or no body."));
    }

    @Test
    void aBodyFieldOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(post("/api/v1/groups/g/move").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\": \"srv2\", \"acknowledge\": [1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.result.message").value(org.hamcrest.Matchers.startsWith(
                        "The request body’s field acknowledge has a value of the wrong type.")));
    }

    @Test
    void theApisAnswerWinsOverThePagesAdviceForAnUnknownName() throws Exception {
        mvc.perform(get("/api/v1/groups/nope")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("{\"result\":{\"code\":4,\"message\":\"There is no group named 'nope'.\"}}",
                        org.springframework.test.json.JsonCompareMode.STRICT));
    }
}

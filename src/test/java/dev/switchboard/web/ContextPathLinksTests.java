package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The picture pushed over SSE is rendered outside a request; its links still carry the context path. */
class ContextPathLinksTests {

    private static final String LINK = "<a th:href=\"@{/resources/{n}(n=${name})}\">x</a>";

    private static String render(SpringTemplateEngine engine) {
        engine.setTemplateResolver(new StringTemplateResolver());
        return engine.process(LINK, Set.of(), new Context(null, Map.of("name", "exec1")));
    }

    @Test
    void aLinkOutsideARequestStartsWithTheConfiguredContextPath() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setLinkBuilder(new ContextPathLinks.Builder("/switchboard"));
        assertThat(render(engine)).isEqualTo("<a href=\"/switchboard/resources/exec1\">x</a>");

        SpringTemplateEngine atTheRoot = new SpringTemplateEngine();
        atTheRoot.setLinkBuilder(new ContextPathLinks.Builder(""));
        assertThat(render(atTheRoot)).isEqualTo("<a href=\"/resources/exec1\">x</a>");
    }

    @Test
    void withoutItThymeleafRefusesSuchALink() {
        assertThatThrownBy(() -> render(new SpringTemplateEngine())).hasStackTraceContaining("context relative");
    }
}

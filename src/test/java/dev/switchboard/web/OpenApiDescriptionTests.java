package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served description names exactly the endpoints the API controllers map, with their methods,
 * and is a valid OpenAPI 3.0 document. The mapped endpoints are read from the controllers'
 * annotations, so an endpoint added without its description fails here.
 */
class OpenApiDescriptionTests {

    private static final String BASE = "/api/v1";
    /** Every REST controller of the application: one added later is held to the description too. */
    private static final List<String> API_CONTROLLERS = restControllers();
    /** {@code {action:move|start|stop}} is three paths; {@code {id:\d+}} is the parameter {@code {id}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

    @Test
    void describesEveryMappedEndpointAndNoOther() throws Exception {
        Map<String, Set<String>> mapped = mappedEndpoints();
        assertThat(mapped).containsKeys("/cluster", "/groups/{name}/move", "/audit/{id}", "/openapi.json");

        Map<String, Set<String>> described = new TreeMap<>();
        paths().forEach((path, operations) -> described.put(String.valueOf(path), new TreeSet<>(
                ((Map<?, ?>) operations).keySet().stream().map(String::valueOf).toList())));

        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void isAnOpenApi30DocumentWithTheVendorsEnvelopeAndBothSchemes() throws Exception {
        Map<String, Object> doc = document();
        assertThat((String) doc.get("openapi")).startsWith("3.0.");
        assertThat(doc).containsKeys("info", "paths", "components");
        assertThat(doc.get("servers")).isEqualTo(List.of(Map.of("url", BASE)));
        Map<?, ?> components = (Map<?, ?>) doc.get("components");
        Map<?, ?> schemes = (Map<?, ?>) components.get("securitySchemes");
        assertThat(schemes.get("basic")).isEqualTo(Map.of("type", "http", "scheme", "basic",
                "description", "An account's name and password."));
        assertThat(((Map<?, ?>) schemes.get("bearer")).get("scheme")).isEqualTo("bearer");
        Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) components.get("schemas")).get("Result");
        assertThat(result.get("required")).isEqualTo(List.of("code", "message"));
    }

    @Test
    void everyReferenceResolves() throws Exception {
        String text = text();
        Map<String, Object> doc = document();
        Matcher ref = Pattern.compile("\"\\$ref\": \"#/components/(\\w+)/(\\w+)\"").matcher(text);
        int count = 0;
        while (ref.find()) {
            Map<?, ?> section = (Map<?, ?>) ((Map<?, ?>) doc.get("components")).get(ref.group(1));
            assertThat(section).as(ref.group()).isNotNull();
            assertThat(section.containsKey(ref.group(2))).as(ref.group()).isTrue();
            count++;
        }
        assertThat(count).isGreaterThan(50);
    }

    @Test
    void isValidForAnOpenApiParser() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text(), null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0.");
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/groups/{name}/move");
    }

    /** Path (after /api/v1, in OpenAPI's template form) to its lower-case HTTP methods, from the annotations. */
    static Map<String, Set<String>> mappedEndpoints() throws ClassNotFoundException {
        Map<String, Set<String>> endpoints = new TreeMap<>();
        for (String name : API_CONTROLLERS) {
            Class<?> controller = Class.forName(name);
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (String path : paths) {
                    String full = prefix + path;
                    assertThat(full).as("%s.%s", name, method.getName()).startsWith(BASE);
                    for (String expanded : expand(full.substring(BASE.length()))) {
                        for (RequestMethod verb : mapping.method()) {
                            endpoints.computeIfAbsent(expanded, p -> new TreeSet<>())
                                    .add(verb.name().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    static List<String> restControllers() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.web.bind.annotation.RestController.class));
        return scanner.findCandidateComponents("dev.switchboard").stream().map(b -> b.getBeanClassName())
                .filter(OpenApiDescriptionTests::inMainCode).sorted().toList();
    }

    /** The tests' own little controllers (in test-classes) are not the API. */
    private static boolean inMainCode(String className) {
        try {
            return !Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath()
                    .contains("test-classes");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Spring path pattern as the OpenAPI paths it stands for. */
    static List<String> expand(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern);
        while (variable.find()) {
            String alternatives = variable.group(2);
            if (alternatives != null && alternatives.matches("[\\w-]+(\\|[\\w-]+)*")) {
                List<String> paths = new ArrayList<>();
                for (String literal : alternatives.split("\\|")) {
                    paths.addAll(expand(pattern.substring(0, variable.start()) + literal + pattern.substring(variable.end())));
                }
                return paths;
            }
            if (alternatives != null) { // a regular expression such as \d+: the parameter itself
                return expand(pattern.substring(0, variable.start()) + "{" + variable.group(1) + "}"
                        + pattern.substring(variable.end()));
            }
        }
        return List.of(pattern);
    }

    @Test
    void expandsAlternativesAndDropsRegularExpressions() {
        assertThat(expand("/groups/{name}/{action:move|stop}")).containsExactly("/groups/{name}/move", "/groups/{name}/stop");
        assertThat(expand("/audit/{id:\\d+}")).containsExactly("/audit/{id}");
        assertThat(expand("/monitors/{name}/dummy-failure/{action:start|stop}"))
                .containsExactly("/monitors/{name}/dummy-failure/start", "/monitors/{name}/dummy-failure/stop");
    }

    private static Map<?, ?> paths() throws IOException {
        return (Map<?, ?>) document().get("paths");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws IOException {
        return JsonMapper.builder().build().readValue(text(), Map.class);
    }

    private static String text() throws IOException {
        try (InputStream in = new ClassPathResource(OpenApiController.DESCRIPTION).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

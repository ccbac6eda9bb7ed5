package dev.switchboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The vendor's body shape: {@code "result": {"code", "message"}} first, then the answer's own
 * keys. Code 0 and an empty message mean success.
 */
public final class ApiEnvelope {

    private ApiEnvelope() {
    }

    /** A body: the result, then {@code extra} as key, value, key, value… in that order. */
    public static Map<String, Object> body(int code, String message, Object... extra) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("code", code);
        result.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    /** Result codes of the envelope, by HTTP status (0 is success). */
    public static int code(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> 1;
            case 401 -> 2;
            case 403 -> 3;
            case 404 -> 4;
            case 405 -> 5;
            case 409 -> 6;
            default -> 9;
        };
    }

    /**
     * The language of an error message: the request's Accept-Language, English without one
     * (scripts seldom send it, and the server's own locale should not decide).
     */
    public static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale();
    }

    /** For requests refused before they reach a controller. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, message));
    }

    /** The body of an answer without keys after the result, as JSON text. */
    public static String json(int status, String message) {
        return "{\"result\":{\"code\":" + code(status) + ",\"message\":\"" + escape(message) + "\"}}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

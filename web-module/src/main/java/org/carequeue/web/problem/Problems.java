package org.carequeue.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.problem.Problem;

/** Builds problem+json responses; every error of {@code /api/**} goes through here. */
public final class Problems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private Problems() {
    }

    public static Response response(ErrorCode code, String detail) {
        return response(code, detail, null);
    }

    /** A refusal of one request field, named in the problem's {@code field}. */
    public static Response response(ErrorCode code, String detail, String field) {
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail, field))
                .build();
    }

    /**
     * Answers from a filter or the authentication mechanism, before JAX-RS: the same body as
     * {@link #response}, UTF-8 without a charset parameter as JAX-RS writes it.
     */
    public static void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(JSON.toJson(Problem.of(code, detail)).getBytes(StandardCharsets.UTF_8));
    }
}

package org.carequeue.web.problem;

import jakarta.ws.rs.core.Response;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.problem.Problem;

/** Builds problem+json responses; every error of {@code /api/**} goes through here. */
public final class Problems {

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
}

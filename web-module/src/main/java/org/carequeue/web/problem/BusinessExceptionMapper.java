package org.carequeue.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.carequeue.platform.BusinessException;

/** A refused use case: its stable code and its sentence. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException exception) {
        return Problems.response(exception.code(), exception.getMessage());
    }
}

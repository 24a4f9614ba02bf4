package org.carequeue.web.rest.statistics;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.carequeue.api.statistics.BreakdownResponse;
import org.carequeue.api.statistics.BreakdownRow;
import org.carequeue.api.statistics.StatisticsAudience;
import org.carequeue.api.statistics.StatisticsAudiencePage;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.api.statistics.StatisticsRow;

/**
 * Statistics as CSV ({@code Accept: text/csv}): the same records as the JSON, one line per row,
 * the columns named as the JSON's fields, so both carry the same numbers by construction. The
 * interval table ends with its total (column {@code row}: {@code interval} or {@code total}).
 * Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
@Provider
@Produces("text/csv")
public class StatisticsCsv implements MessageBodyWriter<Object> {

    /** JSON first: clients that accept anything get JSON. */
    static final String JSON = MediaType.APPLICATION_JSON;
    static final String CSV = "text/csv;qs=0.5";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == StatisticsResponse.class || type == BreakdownResponse.class || type == StatisticsAudiencePage.class;
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        List<String> lines = new ArrayList<>();
        String fileName;
        if (entity instanceof StatisticsResponse table) {
            lines.add("row," + header(StatisticsRow.class));
            table.rows().forEach(row -> lines.add("interval," + line(row)));
            lines.add("total," + line(table.total()));
            fileName = "statistics-" + table.from() + "-" + table.to() + ".csv";
        } else if (entity instanceof BreakdownResponse breakdown) {
            lines.add(header(BreakdownRow.class));
            breakdown.rows().forEach(row -> lines.add(line(row)));
            fileName = "statistics-by-" + breakdown.by() + "-" + breakdown.from() + "-" + breakdown.to() + ".csv";
        } else {
            StatisticsAudiencePage page = (StatisticsAudiencePage) entity;
            lines.add(header(StatisticsAudience.class));
            page.audiences().forEach(row -> lines.add(line(row)));
            fileName = "statistics-audiences-page-" + page.page() + ".csv";
        }
        headers.putSingle(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Class<? extends Record> type) {
        return String.join(",", Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    private static String line(Record row) {
        return String.join(",", Arrays.stream(row.getClass().getRecordComponents()).map(c -> cell(value(c, row))).toList());
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new WebApplicationException(e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

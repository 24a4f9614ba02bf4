package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The admin's schedule editor in a real browser: edit, save, import, export, refusals beside their field. */
class AdminScheduleIT extends AgainstBuiltWar {

    private static final String EDITED = "{\"disabled\":false,\"timezone\":\"Europe/Helsinki\",\"week\":[[\"9:00\","
            + "\"17:00\",\"18:00\"],[null,\"0:30\"],null,null,null,null,null],\"annual\":{\"12/24\":null},"
            + "\"exceptions\":{\"2030-12-31\":[\"10:00\",\"14:00\"]}}";
    private static final String IMPORTED = "{\"disabled\":false,\"timezone\":\"America/New_York\",\"week\":[null,null,"
            + "null,null,[\"8:00\",\"12:00\"],null,null],\"annual\":{},\"exceptions\":{}}";

    @Test
    void operatorEditsSavesImportsAndExportsAQueueSchedule() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        String schedule = "api/v1/queues/" + queue.id() + "/schedule";
        String token = organization.ownerToken();
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/queues.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.click(By.cssSelector("[data-queue-schedule='" + queue.name() + "']"));
            admin.waitUntil(d -> d.getCurrentUrl().contains("/admin/schedule.xhtml"));
            assertEquals(queue.name(), admin.text(By.id("scheduleTitle")));

            admin.turn("scheduleForm:enabled", true);
            admin.type(By.id("scheduleForm:timezone_input"), "helsin");
            admin.click(By.cssSelector("li.ui-autocomplete-item[data-item-value='Europe/Helsinki']"));
            times(admin, "week:0", 0, "9:00", "17:00");
            times(admin, "week:0", 1, "18:00", "");
            times(admin, "week:1", 0, "", "0:30");
            admin.click(By.id("scheduleForm:addAnnual"));
            admin.type(By.id("scheduleForm:annual:0:date"), "12/24");
            admin.click(By.cssSelector("[id='scheduleForm:annual:0:closed'] .ui-chkbox-box"));
            admin.waitUntil(d -> d.findElements(By.id("scheduleForm:annual:0:addSpan")).isEmpty());
            admin.click(By.id("scheduleForm:addException"));
            admin.type(By.id("scheduleForm:exceptions:0:date"), "2030-12-31");
            times(admin, "exceptions:0", 0, "10:00", "14:00");
            admin.screenshot("admin-schedule-edited");
            admin.click(By.id("scheduleForm:save"));
            admin.waitUntil(d -> EDITED.equals(api.get(schedule, token).expect(200).body()));
            assertTrue(admin.text(By.id("nextOpening")).contains(":"), "the next opening is shown");

            // A reload shows what was saved.
            admin.go("admin/schedule.xhtml?queue=" + queue.id());
            assertEquals("Europe/Helsinki", admin.attribute(By.id("scheduleForm:timezone_input"), "value"));
            assertEquals("18:00", admin.attribute(By.id("scheduleForm:week:0:spans:1:opens"), "value"));
            assertEquals("0:30", admin.attribute(By.id("scheduleForm:week:1:spans:0:closes"), "value"));
            assertEquals("12/24", admin.attribute(By.id("scheduleForm:annual:0:date"), "value"));
            assertEquals("14:00", admin.attribute(By.id("scheduleForm:exceptions:0:spans:0:closes"), "value"));
            assertTrue(admin.has(By.id("nextClosing")));
            admin.screenshot("admin-schedule-saved");

            // A time that is no time: refused beside its weekday, nothing saved.
            times(admin, "week:2", 0, "9:00", "25:00");
            admin.click(By.id("scheduleForm:save"));
            assertTrue(admin.text(By.id("scheduleForm:week:2:error")).contains("week[2][1]"),
                    admin.text(By.id("scheduleForm:week:2:error")));
            assertEquals(EDITED, api.get(schedule, token).expect(200).body());
            admin.screenshot("admin-schedule-refused");

            // Import: invalid JSON and an unknown zone are refused beside the pasted text; nothing changes.
            admin.type(By.id("importForm:importJson"), "{\"timezone\": \"Europe/Helsinki\", \"week\": [");
            admin.click(By.id("importForm:import"));
            assertTrue(admin.text(By.id("importForm:importJsonMessage")).contains("not valid JSON"));
            admin.type(By.id("importForm:importJson"), "{\"timezone\":\"Mars/Olympus\",\"week\":[[],[],[],[],[],[],[]]}");
            admin.click(By.id("importForm:import"));
            admin.waitUntil(d -> d.findElement(By.id("importForm:importJsonMessage")).getText().contains("timezone"));
            admin.screenshot("admin-schedule-import-refused");
            assertEquals(EDITED, api.get(schedule, token).expect(200).body());

            // Import from a file: the editor shows the new schedule.
            Path file = Files.createTempFile("schedule", ".json");
            Files.writeString(file, "{\"timezone\":\"America/New_York\",\"week\":[[],[],[],[],[\"8:00\",\"12:00\"],[],[]]}");
            admin.visible(By.id("importFile"));
            admin.waitUntil(d -> {
                d.findElement(By.id("importFile")).sendKeys(file.toAbsolutePath().toString());
                return true;
            });
            admin.waitUntil(d -> !d.findElement(By.id("importForm:importJson")).getAttribute("value").isBlank());
            admin.click(By.id("importForm:import"));
            admin.waitUntil(d -> "8:00".equals(d.findElement(By.id("scheduleForm:week:4:spans:0:opens")).getAttribute("value")));
            Files.delete(file);
            assertEquals(IMPORTED, api.get(schedule, token).expect(200).body());
            assertEquals("America/New_York", admin.attribute(By.id("scheduleForm:timezone_input"), "value"));
            admin.screenshot("admin-schedule-imported");

            // Export: the download is exactly what the API answers.
            String href = admin.attribute(By.id("exportSchedule"), "href");
            String prefix = "data:application/json;charset=utf-8,";
            assertTrue(href.startsWith(prefix), href);
            assertEquals(api.get(schedule, token).expect(200).body(),
                    URLDecoder.decode(href.substring(prefix.length()), StandardCharsets.UTF_8));
            assertTrue(admin.attribute(By.id("exportSchedule"), "download").endsWith("-schedule.json"));
        }
    }

    /** Adds a span to the day's row and types its two times. */
    private static void times(Browser admin, String row, int span, String opens, String closes) {
        admin.click(By.id("scheduleForm:" + row + ":addSpan"));
        admin.type(By.id("scheduleForm:" + row + ":spans:" + span + ":opens"), opens);
        admin.type(By.id("scheduleForm:" + row + ":spans:" + span + ":closes"), closes);
    }
}

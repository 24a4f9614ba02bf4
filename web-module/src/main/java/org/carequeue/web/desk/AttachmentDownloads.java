package org.carequeue.web.desk;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carequeue.message.Attachments;
import org.carequeue.message.Download;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.rest.attachment.FileReplies;

/**
 * The desk's files: {@code /desk/attachments/{audienceId}/{attachmentId}[/thumbnail]}. The desk is
 * signed in with its session, which the API never accepts, so the pictures and links of the
 * conversation view come from here; the boundary checks the agent as it does for the API.
 */
@WebServlet("/desk/attachments/*")
public class AttachmentDownloads extends HttpServlet {

    @Inject
    Attachments attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!fromOwnPagesOrAddressBar(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The desk's files open from CareQueue's pages only");
            return;
        }
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        boolean thumbnail = path.length == 3 && path[2].equals("thumbnail");
        if (path.length != 2 && !thumbnail) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Download file;
        try {
            file = attachments.forAgent(path[0], path[1], thumbnail);
        } catch (BusinessException refused) {
            response.sendError(refused.code().status());
            return;
        }
        FileReplies.headers(file).forEach(response::setHeader);
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }

    /**
     * An operator's read of a file of someone else's conversation is recorded in its transcript's
     * audit trail, and a page of another site could make the operator's browser load the file (an
     * image, say) with the session cookie: browsers tell where a request comes from in
     * {@code Sec-Fetch-Site}, and only this origin's pages and the address bar ({@code none}) are
     * let through. A browser too old to send it is let through as before.
     */
    static boolean fromOwnPagesOrAddressBar(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }
}

package org.carequeue.web.support;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the built WAR (target/ROOT.war) offers, read from the archive itself: its JAX-RS routes and
 * its Faces pages. Tests that must cover all of them take their lists from here, so a new endpoint
 * or page cannot be left out of them.
 */
public final class WarInventory {

    private static final String CLASSES = "WEB-INF/classes/";

    private WarInventory() {
    }

    /** "METHOD /api/..." of every resource method in the WAR's classes, found by their annotations. */
    public static TreeSet<String> routes() throws IOException, ClassNotFoundException {
        TreeSet<String> routes = new TreeSet<>();
        String applicationPath = null;
        List<Class<?>> resources = new ArrayList<>();
        for (String entry : entries()) {
            if (entry.startsWith(CLASSES) && entry.endsWith(".class") && !entry.contains("$")) {
                Class<?> type = Class.forName(entry.substring(CLASSES.length(), entry.length() - 6).replace('/', '.'),
                        false, WarInventory.class.getClassLoader());
                if (type.isAnnotationPresent(ApplicationPath.class)) {
                    applicationPath = type.getAnnotation(ApplicationPath.class).value();
                }
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        if (applicationPath == null || resources.isEmpty()) {
            throw new IllegalStateException("the WAR has no JAX-RS application or no resources");
        }
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null) {
                    routes.add(httpMethod + " " + join(applicationPath, resource.getAnnotation(Path.class).value(),
                            method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : ""));
                }
            }
        }
        return routes;
    }

    /** Every Facelets page a browser can ask for ("admin/members.xhtml"); WEB-INF's templates and includes are not pages. */
    public static TreeSet<String> pages() throws IOException {
        TreeSet<String> pages = new TreeSet<>();
        for (String entry : entries()) {
            if (entry.endsWith(".xhtml") && !entry.startsWith("WEB-INF/") && !entry.startsWith("META-INF/")) {
                pages.add(entry);
            }
        }
        return pages;
    }

    /**
     * Faces' protected views ("admin/transcript.xhtml"), from the WAR's faces-config.xml: they open
     * only through the application's own tokened links, so a plain GET of one is refused to anyone.
     */
    public static Set<String> protectedViews() throws IOException {
        try (ZipFile war = new ZipFile(new File(System.getProperty("carequeue.war", "target/ROOT.war")))) {
            ZipEntry config = war.getEntry("WEB-INF/faces-config.xml");
            if (config == null) {
                return Set.of();
            }
            String xml = new String(war.getInputStream(config).readAllBytes(), StandardCharsets.UTF_8);
            Matcher section = Pattern.compile("<protected-views>(.*?)</protected-views>", Pattern.DOTALL).matcher(xml);
            Set<String> views = new TreeSet<>();
            while (section.find()) {
                Matcher pattern = Pattern.compile("<url-pattern>\\s*/?([^<\\s]+)\\s*</url-pattern>")
                        .matcher(section.group(1));
                while (pattern.find()) {
                    views.add(pattern.group(1));
                }
            }
            return views;
        }
    }

    private static List<String> entries() throws IOException {
        try (ZipFile war = new ZipFile(new File(System.getProperty("carequeue.war", "target/ROOT.war")))) {
            return war.stream().map(ZipEntry::getName).toList();
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins path segments as JAX-RS does, dropping template regular expressions ({id: [0-9]+} is {id}). */
    private static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String trimmed = segment.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }
}

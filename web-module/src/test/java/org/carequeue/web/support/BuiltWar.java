package org.carequeue.web.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced (target/ROOT.war), deployed as it is: what users run is what is tested. */
public final class BuiltWar {

    private BuiltWar() {
    }

    public static WebArchive archive() {
        File war = new File(System.getProperty("carequeue.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the ITs through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}

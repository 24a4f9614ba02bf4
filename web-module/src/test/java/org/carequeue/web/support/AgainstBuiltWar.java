package org.carequeue.web.support;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Base of the black-box ITs: the WAR the build produced (target/ROOT.war) is deployed as it is, so
 * what users run is what is tested, and the tests talk to it as clients do.
 */
@CareQueueIT
public abstract class AgainstBuiltWar {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    public static WebArchive builtWar() {
        File war = new File(System.getProperty("carequeue.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the ITs through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** A client of the deployed CareQueue. */
    protected Api api() {
        return new Api(base);
    }
}

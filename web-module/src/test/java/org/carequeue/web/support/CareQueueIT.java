package org.carequeue.web.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test against the built WAR on a real Payara Micro: first the database of this pass
 * (H2 or PostgreSQL) is made ready, then Arquillian starts Micro with the deployment.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseUnderTest.class)
@ExtendWith(ArquillianExtension.class)
public @interface CareQueueIT {
}

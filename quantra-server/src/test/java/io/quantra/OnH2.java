package io.quantra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Quantra server on a random port over plain HTTP, on the embedded H2 database in a
 * data directory of this test run, with schedules allowed to fire every 2 seconds and
 * text files of up to 64 MB. Test classes with this annotation share one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quantra.tls=off", "quantra.management-port=0", "quantra.rate-limits.enabled=false",
				"quantra.triggers.min-schedule-interval=2s",
				// a 50 MB text document crosses a remote tool in a run
				"quantra.documents.max-text-size=64MB" })
@ContextConfiguration(initializers = OnH2.Initializer.class)
public @interface OnH2 {

	class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("h2TestDatabase", TestDatabases.h2()));
		}

	}

}

package io.quantra.platform.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import io.quantra.platform.CommitDurability;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database gets group commit (see {@link DurableH2DataSource});
 * PostgreSQL needs nothing of the kind.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static BeanPostProcessor durableH2(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				String url = environment.getProperty("spring.datasource.url", "");
				if (bean instanceof DataSource dataSource && !(bean instanceof DurableH2DataSource)
						&& name.equals("dataSource") && url.startsWith("jdbc:h2:file:")) {
					return new DurableH2DataSource(dataSource);
				}
				return bean;
			}
		};
	}

	@Bean
	CommitDurability commitDurability(DataSource dataSource) throws SQLException {
		return dataSource.isWrapperFor(DurableH2DataSource.class)
				? dataSource.unwrap(DurableH2DataSource.class).durability() : CommitDurability.IMMEDIATE;
	}

}

package io.quantra.platform.config;

import java.nio.file.Path;
import java.time.Clock;

import io.quantra.platform.DataDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	DataDirectory dataDirectory(@Value("${quantra.data-dir}") Path path) {
		return new DataDirectory(path);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

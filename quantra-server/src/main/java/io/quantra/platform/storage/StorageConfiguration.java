package io.quantra.platform.storage;

import io.quantra.platform.BlobStore;
import io.quantra.platform.DataDirectory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	BlobStore blobStore(DataDirectory dataDirectory) {
		return new LocalBlobStore(dataDirectory.resolve("blobs"));
	}

}

package io.quantra.services;

import java.util.List;
import java.util.Optional;

/**
 * The registered tool microservices, for the modules that call them.
 */
public interface ServiceEndpoints {

	/** The protocol major version this platform speaks with tool microservices. */
	String PROTOCOL_VERSION = "1";

	/**
	 * An active endpoint that declares {@code pluginId}. Several endpoints may declare
	 * one plugin; among the active ones the earliest registered is chosen, so calls go to
	 * one place while it stays healthy and move to the next when it does not.
	 */
	Optional<Endpoint> forPlugin(String pluginId);

	/** Every registered endpoint, healthy or not, in order of registration. */
	List<Endpoint> all();

	Optional<Endpoint> find(long id);

}

package io.quantra.plugins;

/**
 * The code behind a canvas node. A plugin is a Spring bean; the catalog finds every one
 * and validates node configurations against the schema it declares.
 */
public interface Plugin {

	PluginDescriptor descriptor();

}

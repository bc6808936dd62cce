package io.quantra.admin;

/**
 * The current security settings, as every node sees them within a few seconds of a
 * change.
 */
public interface Settings {

	SecuritySettings security();

}

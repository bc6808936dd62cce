/**
 * Where the documents of {@code file_upload} nodes are kept: uploads checked by name and
 * content, stored in the blob store, and the server folders a node may read.
 */
package io.quantra.plugins.files;

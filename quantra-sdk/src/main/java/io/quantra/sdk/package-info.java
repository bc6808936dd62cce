/**
 * A small library for writing Quantra tool microservices: implement one
 * {@link ToolHandler} (or a {@link StreamingToolHandler}, which reads its inputs as they
 * arrive), serve it with {@link ToolServer}; {@link FrameChunker} and
 * {@link FrameAssembler} are shared with the platform, which calls services through
 * {@link ToolClient}.
 */
package io.quantra.sdk;

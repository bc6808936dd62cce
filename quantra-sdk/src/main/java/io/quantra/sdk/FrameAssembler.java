package io.quantra.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.quantra.sdk.proto.Chunk;
import io.quantra.sdk.proto.Frame;

/**
 * Joins the chunks a {@link FrameChunker} made back into the frame, byte-exact, refusing
 * a frame larger than a bound so a peer cannot make it hold unbounded memory. One
 * assembler serves one stream: the chunks of a frame must come consecutively and in
 * order.
 */
public final class FrameAssembler {

	/** 256 MiB. */
	public static final long DEFAULT_MAX_ASSEMBLED_SIZE = 256L * 1024 * 1024;

	private final long maxAssembledSize;

	private final List<ByteString> pieces = new ArrayList<>();

	private String frameId;

	private long size;

	public FrameAssembler() {
		this(DEFAULT_MAX_ASSEMBLED_SIZE);
	}

	public FrameAssembler(long maxAssembledSize) {
		this.maxAssembledSize = maxAssembledSize;
	}

	/**
	 * Takes the next chunk.
	 * @return the frame when this chunk was its last one
	 * @throws FrameAssemblyException when the chunk is out of order, belongs to another
	 * frame while one is incomplete, makes the frame too large, or the joined bytes are
	 * no frame
	 */
	public Optional<Frame> accept(Chunk chunk) throws FrameAssemblyException {
		if (this.frameId == null) {
			if (chunk.getIndex() != 0) {
				throw new FrameAssemblyException(false, "chunk " + chunk.getIndex() + " of frame '" + chunk.getFrameId()
						+ "' came first; a frame's chunks must start at index 0");
			}
			this.frameId = chunk.getFrameId();
		}
		else if (!this.frameId.equals(chunk.getFrameId())) {
			throw new FrameAssemblyException(false, "a chunk of frame '" + chunk.getFrameId() + "' came before frame '"
					+ this.frameId + "' was complete; send a frame's chunks consecutively");
		}
		else if (chunk.getIndex() != this.pieces.size()) {
			throw new FrameAssemblyException(false, "chunk " + chunk.getIndex() + " of frame '" + this.frameId
					+ "' came where chunk " + this.pieces.size() + " was expected");
		}
		this.size += chunk.getData().size();
		if (this.size > this.maxAssembledSize) {
			String id = this.frameId;
			reset();
			throw new FrameAssemblyException(true,
					"frame '" + id + "' is larger than the " + this.maxAssembledSize + " bytes allowed");
		}
		this.pieces.add(chunk.getData());
		if (!chunk.getLast()) {
			return Optional.empty();
		}
		ByteString bytes = ByteString.copyFrom(this.pieces);
		String id = this.frameId;
		reset();
		try {
			return Optional.of(Frame.parseFrom(bytes));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new FrameAssemblyException(false, "the chunks of frame '" + id + "' do not form a frame", ex);
		}
	}

	/** Whether a frame is partly received. */
	public boolean inProgress() {
		return this.frameId != null;
	}

	/**
	 * Checks that no frame is partly received, e.g. before a whole frame or at the end of
	 * the stream.
	 */
	public void requireNoneInProgress() throws FrameAssemblyException {
		if (this.frameId != null) {
			throw new FrameAssemblyException(false, "frame '" + this.frameId + "' is incomplete: its last chunk ("
					+ this.pieces.size() + " received) never came");
		}
	}

	private void reset() {
		this.pieces.clear();
		this.frameId = null;
		this.size = 0;
	}

}

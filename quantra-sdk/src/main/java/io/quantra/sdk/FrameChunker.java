package io.quantra.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;
import io.quantra.sdk.proto.Chunk;
import io.quantra.sdk.proto.Frame;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;

/**
 * Splits frame messages larger than the frame size into consecutive chunks of their
 * serialized bytes, which a {@link FrameAssembler} joins back byte-exact. Both ends of a
 * call use it; one chunker serves one stream, whose frame ids it numbers.
 */
public final class FrameChunker {

	/** 1 MiB: well below gRPC's default 4 MiB message limit. */
	public static final int DEFAULT_MAX_FRAME_SIZE = 1024 * 1024;

	private final int maxFrameSize;

	private final AtomicLong frameIds = new AtomicLong();

	public FrameChunker() {
		this(DEFAULT_MAX_FRAME_SIZE);
	}

	/**
	 * @param maxFrameSize the largest serialized frame sent whole, and the size of a
	 * chunk
	 */
	public FrameChunker(int maxFrameSize) {
		if (maxFrameSize < 1024) {
			throw new IllegalArgumentException("max frame size must be at least 1024 bytes, was " + maxFrameSize);
		}
		this.maxFrameSize = maxFrameSize;
	}

	public int maxFrameSize() {
		return this.maxFrameSize;
	}

	/**
	 * Hands the frame to {@code parts}: whole when it fits, otherwise as chunks in order.
	 */
	public void split(Frame frame, Parts parts) {
		if (frame.getSerializedSize() <= this.maxFrameSize) {
			parts.whole(frame);
			return;
		}
		// substring shares the serialized bytes: the frame is held once, whatever its
		// size.
		ByteString bytes = frame.toByteString();
		String frameId = Long.toString(this.frameIds.incrementAndGet());
		int index = 0;
		for (int offset = 0; offset < bytes.size(); offset += this.maxFrameSize) {
			int end = Math.min(bytes.size(), offset + this.maxFrameSize);
			parts.chunk(Chunk.newBuilder()
				.setFrameId(frameId)
				.setIndex(index++)
				.setLast(end == bytes.size())
				.setData(bytes.substring(offset, end))
				.build());
		}
	}

	/** The request messages that carry a frame. */
	public List<MicroserviceCallRequest> requests(Frame frame) {
		List<MicroserviceCallRequest> requests = new ArrayList<>();
		split(frame, new Parts() {
			@Override
			public void whole(Frame whole) {
				requests.add(MicroserviceCallRequest.newBuilder().setFrame(whole).build());
			}

			@Override
			public void chunk(Chunk chunk) {
				requests.add(MicroserviceCallRequest.newBuilder().setChunk(chunk).build());
			}
		});
		return requests;
	}

	/** The response messages that carry a frame. */
	public List<MicroserviceCallResponse> responses(Frame frame) {
		List<MicroserviceCallResponse> responses = new ArrayList<>();
		split(frame, new Parts() {
			@Override
			public void whole(Frame whole) {
				responses.add(MicroserviceCallResponse.newBuilder().setFrame(whole).build());
			}

			@Override
			public void chunk(Chunk chunk) {
				responses.add(MicroserviceCallResponse.newBuilder().setChunk(chunk).build());
			}
		});
		return responses;
	}

	/** Receives the parts of one frame. */
	public interface Parts {

		void whole(Frame frame);

		void chunk(Chunk chunk);

	}

}

package io.quantra.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quantra.sdk.proto.Chunk;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FrameChunkingTests {

	private final FrameChunker chunker = new FrameChunker(4096);

	@Test
	void smallFrameTravelsWhole() {
		List<MicroserviceCallRequest> requests = this.chunker.requests(frame("short").toMessage());

		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.hasFrame()).isTrue());
	}

	@Test
	void largeFrameIsSplitAndJoinedByteExact() throws Exception {
		String text = "Zeile ü € 𝄞 \"quoted\" \\ ".repeat(2000);
		Frame frame = frame(text);
		List<Chunk> chunks = chunks(frame);
		assertThat(chunks).hasSizeGreaterThan(10);
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.getData().size()).isLessThanOrEqualTo(4096));
		assertThat(chunks.get(chunks.size() - 1).getLast()).isTrue();

		FrameAssembler assembler = new FrameAssembler();
		Optional<io.quantra.sdk.proto.Frame> joined = Optional.empty();
		for (Chunk chunk : chunks) {
			assertThat(joined).isEmpty();
			joined = assembler.accept(chunk);
		}

		assertThat(joined).isPresent();
		assertThat(Frame.fromMessage(joined.get())).isEqualTo(frame);
		assertThat(assembler.inProgress()).isFalse();
	}

	@Test
	void chunksOutOfOrderAreRefused() throws Exception {
		List<Chunk> chunks = chunks(frame("x".repeat(20_000)));
		FrameAssembler assembler = new FrameAssembler();
		assembler.accept(chunks.get(0));

		assertThatExceptionOfType(FrameAssemblyException.class).isThrownBy(() -> assembler.accept(chunks.get(2)))
			.withMessageContaining("where chunk 1 was expected");
	}

	@Test
	void interleavedFramesAreRefused() throws Exception {
		List<Chunk> first = chunks(frame("x".repeat(20_000)));
		List<Chunk> second = chunks(frame("y".repeat(20_000)));
		FrameAssembler assembler = new FrameAssembler();
		assembler.accept(first.get(0));

		assertThatExceptionOfType(FrameAssemblyException.class).isThrownBy(() -> assembler.accept(second.get(1)))
			.withMessageContaining("before frame '1' was complete");
	}

	@Test
	void frameLargerThanTheBoundIsRefused() throws Exception {
		List<Chunk> chunks = chunks(frame("x".repeat(20_000)));
		FrameAssembler assembler = new FrameAssembler(10_000);
		assembler.accept(chunks.get(0));
		assembler.accept(chunks.get(1));

		assertThatExceptionOfType(FrameAssemblyException.class).isThrownBy(() -> assembler.accept(chunks.get(2)))
			.satisfies((ex) -> assertThat(ex.tooLarge()).isTrue())
			.withMessageContaining("larger than the 10000 bytes allowed");
	}

	@Test
	void incompleteFrameIsReported() throws Exception {
		List<Chunk> chunks = chunks(frame("x".repeat(20_000)));
		FrameAssembler assembler = new FrameAssembler();
		assembler.accept(chunks.get(0));

		assertThatExceptionOfType(FrameAssemblyException.class).isThrownBy(assembler::requireNoneInProgress)
			.withMessageContaining("is incomplete");
	}

	@Test
	void frameJsonHasTheSeedShape() {
		Frame frame = new Frame(null, List.of(new Frame.Item("{\"page\":1}", "{\"text\":\"a\\nb\"}")), Frame.OBJECT,
				true);

		assertThat(frame.toJson()).isEqualTo(
				"{\"oauth2\":{\"url\":null},\"data\":[{\"meta\":{\"page\":1},\"content\":{\"text\":\"a\\nb\"}}],\"tod\":\"object\",\"eos\":true}");
	}

	@Test
	void absentAndPresentOAuth2UrlSurviveTheMessage() {
		Frame internal = frame("a");
		Frame external = new Frame("https://idp.example/authorize", List.of(), Frame.TABLE, false);

		assertThat(Frame.fromMessage(internal.toMessage()).oauth2Url()).isNull();
		assertThat(Frame.fromMessage(external.toMessage())).isEqualTo(external);
	}

	private List<Chunk> chunks(Frame frame) {
		List<Chunk> chunks = new ArrayList<>();
		this.chunker.split(frame.toMessage(), new FrameChunker.Parts() {
			@Override
			public void whole(io.quantra.sdk.proto.Frame whole) {
				throw new AssertionError("expected chunks");
			}

			@Override
			public void chunk(Chunk chunk) {
				chunks.add(chunk);
			}
		});
		return chunks;
	}

	private static Frame frame(String text) {
		String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
		return Frame.of(new Frame.Item("{\"filename\":\"a.txt\"}", "{\"text\":\"" + escaped + "\"}"));
	}

}

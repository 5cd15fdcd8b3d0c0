package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {
  @TempDir Path dir;

  @Test
  void shouldDecodeEachPhotoOnce() {
    Path photo = TestImages.write(dir.resolve("a.png"), 40, 30, 7, 10, 10, 1);
    ImageCache cache = new ImageCache(1 << 20);

    DecodedImage first = cache.get(photo);
    DecodedImage second = cache.get(photo);

    assertThat(second).isSameAs(first);
    assertThat(cache.decodes()).isEqualTo(1);
    assertThat(first.width()).isEqualTo(40);
    assertThat(first.height()).isEqualTo(30);
    assertThat(first.bgr()[0]).isEqualTo((byte) 7);
    assertThat(first.bgr()[(10 * 40 + 10) * 3]).isEqualTo((byte) 255);
  }

  @Test
  void shouldStayWithinItsBoundDroppingTheLeastRecentlyUsed() {
    ImageCache cache = new ImageCache(2 * 40 * 30 * 3);
    Path a = TestImages.write(dir.resolve("a.png"), 40, 30, 1, 0, 0, -1);
    Path b = TestImages.write(dir.resolve("b.png"), 40, 30, 2, 0, 0, -1);
    Path c = TestImages.write(dir.resolve("c.png"), 40, 30, 3, 0, 0, -1);
    cache.get(a);
    cache.get(b);
    cache.get(a); // a is now the most recent
    cache.get(c); // evicts b

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.sizeBytes()).isEqualTo(2 * 40 * 30 * 3);
    cache.get(a);
    assertThat(cache.decodes()).isEqualTo(3);
    cache.get(b);
    assertThat(cache.decodes()).isEqualTo(4);
  }

  @Test
  void shouldNameMissingAndUndecodableFiles() throws Exception {
    ImageCache cache = new ImageCache(1 << 20);
    assertThatThrownBy(() -> cache.get(dir.resolve("none.jpg")))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("none.jpg");
    Path junk = Files.writeString(dir.resolve("junk.jpg"), "not an image");
    assertThatThrownBy(() -> cache.get(junk))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("junk.jpg")
        .hasMessageContaining("decodable");
  }
}

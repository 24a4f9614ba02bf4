package org.carequeue.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryShapesTest {

    @Test
    void listsOfAPowerOfTwoStayAsTheyAre() {
        assertEquals(List.of(), QueryShapes.padded(List.of()));
        assertEquals(List.of("a"), QueryShapes.padded(List.of("a")));
        assertEquals(List.of("a", "b"), QueryShapes.padded(List.of("a", "b")));
        assertEquals(List.of("a", "b", "c", "d"), QueryShapes.padded(List.of("a", "b", "c", "d")));
    }

    @Test
    void otherListsRepeatTheirLastItemUpToTheNextPowerOfTwo() {
        assertEquals(List.of("a", "b", "c", "c"), QueryShapes.padded(List.of("a", "b", "c")));
        assertEquals(List.of("a", "b", "c", "d", "e", "e", "e", "e"), QueryShapes.padded(List.of("a", "b", "c", "d", "e")));
    }

    @Test
    void batchesUpToAThousandTakeElevenSizes() {
        assertEquals(11, IntStream.rangeClosed(1, 1000)
                .map(n -> QueryShapes.padded(IntStream.range(0, n).boxed().toList()).size())
                .distinct().count());
    }
}

package raftkit.tester.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed-size ring of events that keeps the newest: appending is one counter increment and one array store, from
 * any thread, with no lock, so a long test's memory stays bounded and the test's threads never wait on it.
 */
final class EventRing {

    private final AtomicReferenceArray<Event> slots;
    private final AtomicLong added = new AtomicLong();

    EventRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("ring capacity must be positive, got " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    void add(Event e) {
        long i = added.getAndIncrement();
        slots.lazySet((int) (i % slots.length()), e);
    }

    /** How many events were pushed out by newer ones. */
    long dropped() {
        return Math.max(0, added.get() - slots.length());
    }

    /** The events kept, in append order. */
    List<Event> snapshot() {
        List<Event> kept = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            Event e = slots.get(i);
            if (e != null) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingLong(Event::seq));
        return kept;
    }
}

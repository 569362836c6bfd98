package io.mockpanel.panel.ui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class MergedHintsTest {

    @Test
    void a_hint_whose_task_could_not_be_queued_does_not_silence_the_hints_after_it() {
        UI ui = mock(UI.class);
        when(ui.access(any(Command.class)))
                .thenThrow(new IllegalStateException("the session is closing"))
                .thenThrow(new UIDetachedException())
                .thenReturn(null);
        LongConsumer hints = MergedHints.running(ui, () -> { });

        assertThatThrownBy(() -> hints.accept(1)).isInstanceOf(IllegalStateException.class);
        hints.accept(2);
        hints.accept(3);

        verify(ui, times(3)).access(any(Command.class));
    }

    @Test
    void hints_while_a_task_waits_are_merged_into_it() {
        UI ui = mock(UI.class);
        LongConsumer hints = MergedHints.running(ui, () -> { });

        hints.accept(1);
        hints.accept(2);
        hints.accept(3);

        verify(ui, times(1)).access(any(Command.class));
    }
}

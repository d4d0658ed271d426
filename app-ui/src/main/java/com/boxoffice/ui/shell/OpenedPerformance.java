package com.boxoffice.ui.shell;

import java.util.List;

import com.boxoffice.ui.common.Shortcut;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * What a mode shows for one performance in a tab of its own.
 *
 * @param root      the tab's content
 * @param focus     the node to focus when the tab opens
 * @param shortcuts keys that act on this tab while it is showing
 * @param close     run when the tab is closed (stop live feeds, give back held seats)
 */
public record OpenedPerformance(Parent root, Node focus, List<Shortcut> shortcuts, Runnable close) {
}

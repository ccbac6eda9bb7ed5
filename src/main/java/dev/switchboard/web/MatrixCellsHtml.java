package dev.switchboard.web;

import java.util.List;
import java.util.function.BiFunction;
import org.springframework.web.util.HtmlUtils;

/**
 * The node cells of one matrix row as HTML, written here rather than by the template: at 16 nodes
 * × 150 rows the template's per-cell loops and message look-ups were most of the page's time.
 * Every text from the cluster (node names, roles, replicas, actions) and every translated word is
 * HTML-escaped here; the class names are constants.
 */
final class MatrixCellsHtml {

    /** A message in the reader's language: key and arguments to text. */
    interface Words extends BiFunction<String, Object[], String> {
    }

    private MatrixCellsHtml() {
    }

    static String of(List<ClusterMatrix.Cell> cells, Words words) {
        StringBuilder html = new StringBuilder(cells.size() * 40);
        for (ClusterMatrix.Cell cell : cells) {
            html.append("<td class=\"cell\">");
            for (ClusterMatrix.Mark m : cell.marks()) {
                html.append("<span class=\"mark ").append(m.css()).append("\" title=\"")
                        .append(escape(title(m, cell.node(), words))).append("\">").append(escape(m.symbol()))
                        .append("</span>");
            }
            if (cell.failCount() > 0) {
                html.append("<span class=\"mark m-failcount\" title=\"")
                        .append(escape(words.apply("cluster.failCountMark", new Object[] {cell.failCount(), cell.node()})))
                        .append("\">!").append(cell.failCount()).append("</span>");
            }
            html.append("</td>");
        }
        return html.toString();
    }

    /** "Unpromoted on srv3, replica 1, Promoting under way, failed". */
    static String title(ClusterMatrix.Mark m, String node, Words words) {
        StringBuilder title = new StringBuilder(words.apply("cluster.mark.title", new Object[] {m.role(), node}));
        if (!m.replica().isEmpty()) {
            title.append(", ").append(words.apply("cluster.mark.replica", new Object[] {m.replica()}));
        }
        if (!m.pending().isEmpty()) {
            title.append(", ").append(words.apply("cluster.mark.pending", new Object[] {m.pending()}));
        }
        if (m.failed()) {
            title.append(", ").append(words.apply("cluster.mark.failed", new Object[0]));
        }
        return title.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

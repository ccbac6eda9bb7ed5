package dev.switchboard.cluster;

/**
 * One thing wrong with a cluster definition: where it is, what is wrong and how to fix it.
 * Line and column are 1-based; 0 when the problem has no position (e.g. a missing file).
 */
public record ConfigProblem(String file, String path, int line, int column, String problem, String fix) {

    public String describe() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String key = path.isEmpty() ? "" : " " + path + ":";
        return where + key + " " + problem + " Fix: " + fix;
    }
}

package dev.switchboard.web;

import dev.switchboard.Translatable;
import dev.switchboard.Translated;

/**
 * The engine knows only cluster.yml's groups, so there is no whole cluster to show: a 404 with
 * words that say why and what to use instead (the status page, the groups API).
 */
final class NoInventory extends RuntimeException implements Translated {

    private final transient Translatable text;

    NoInventory(String engine) {
        this(Translatable.of("cluster.noInventory", engine));
    }

    private NoInventory(Translatable text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Translatable text() {
        return text;
    }
}

/**
 * What the engines that watch a cluster manager by polling it share (Pacemaker, CLUSTERPRO's
 * API): the events between two readings, the groups Switchboard holds, where groups ran last.
 */
package dev.switchboard.engine.polling;

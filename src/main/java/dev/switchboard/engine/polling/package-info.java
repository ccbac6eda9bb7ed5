/**
 * What the engines that watch a cluster manager by polling it share (Pacemaker, CLUSTERPRO's
 * API): the events between two readings and their listeners, the groups Switchboard holds, where
 * groups ran last, the waits' common parts, and the servers' files and commands through the
 * command prefix.
 */
package dev.switchboard.engine.polling;

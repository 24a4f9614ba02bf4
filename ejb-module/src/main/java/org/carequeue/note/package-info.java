/**
 * Notes: each queue has a note form (fields of kind text, text area or choice, in order) that its
 * operators define; agents fill it in for an audience of the queue, during the conversation and
 * after it ended, and the values are saved with the audience. Replacing a form keeps the notes of
 * the fields it keeps (by id) and removes those of the fields it drops.
 */
package org.carequeue.note;

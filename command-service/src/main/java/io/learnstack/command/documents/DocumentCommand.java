package io.learnstack.command.documents;

/** A write to the documents of one scope; the scope's aggregate decides it. */
sealed interface DocumentCommand permits StoreDocument, MergeDocument, DeleteDocument, DeleteDocuments {

    /** The scope the command writes to. */
    DocumentScope scope();

    /** The scope's aggregate. */
    String aggregateId();
}

package com.boxoffice.core.persistence;

@OnPostgres
class SchemaOnPostgresTest extends SchemaContract {
}

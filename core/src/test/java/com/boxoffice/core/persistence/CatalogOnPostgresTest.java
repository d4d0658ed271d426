package com.boxoffice.core.persistence;

@OnPostgres
class CatalogOnPostgresTest extends CatalogContract {
}

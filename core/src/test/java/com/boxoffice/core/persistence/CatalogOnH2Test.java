package com.boxoffice.core.persistence;

@OnH2
class CatalogOnH2Test extends CatalogContract {
}

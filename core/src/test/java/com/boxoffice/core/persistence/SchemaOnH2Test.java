package com.boxoffice.core.persistence;

@OnH2
class SchemaOnH2Test extends SchemaContract {
}

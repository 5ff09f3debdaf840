//! One integration-test binary (link once); each module covers one area.

mod safety;

//! Compiles the server again when its migrations or its query data change: `sqlx::migrate!`
//! embeds the migrations, and the query macros read `.sqlx/`.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=.sqlx");
}

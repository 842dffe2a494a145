use bolero::check;
use utter::mcp::{parse_mcp_servers, to_claude_desktop_json};

use super::support::{ITERATIONS, text};

/// A config reads as servers sorted by unique valid names, or as a clear error; the servers
/// written back in Claude Desktop's shape read back as the same servers.
#[test]
fn mcp_config() {
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let Ok(specs) = parse_mcp_servers(&text(bytes)) else {
                return;
            };
            for pair in specs.windows(2) {
                assert!(pair[0].name < pair[1].name, "not sorted or not unique");
            }
            for s in &specs {
                assert!(
                    s.validate().is_ok(),
                    "{} passed the parse but not validate",
                    s.name
                );
            }
            let written = to_claude_desktop_json(&specs).to_string();
            let again = parse_mcp_servers(&written).expect("own output reads back");
            assert_eq!(again, specs, "round trip through {written}");
        });
}

//! The IPC surface in one list: every command and event the web UI may use. tauri-specta
//! turns it into `ui/src/bindings/index.ts` (the commands as typed functions, the events,
//! every type they carry, `CommandError`), so the UI never names a command in a string.
//! `cargo test` writes that file; `make test` fails when the committed one is stale.

use tauri_specta::{Builder, ErrorHandlingMode, collect_commands, collect_events};

use crate::{
    agent_commands, backup_commands, chat_commands, commands, data_commands, dump_commands,
    error::CommandError, events, mcp_commands, settings_commands, updates, vocabulary_commands,
    voice_commands,
};

pub fn builder() -> Builder<tauri::Wry> {
    Builder::new()
        .commands(collect_commands![
            commands::list_tasks,
            commands::get_task,
            commands::create_task,
            commands::quick_add,
            commands::update_task,
            commands::move_task,
            commands::delete_task,
            commands::restore_task,
            commands::list_categories,
            commands::get_transcript,
            commands::search,
            commands::board_painted,
            dump_commands::list_dumps,
            dump_commands::undo_dump_items,
            dump_commands::possible_duplicates,
            dump_commands::merge_tasks,
            dump_commands::put_back_tasks,
            dump_commands::keep_apart,
            dump_commands::extract_again,
            dump_commands::undo_extract_again,
            dump_commands::task_audio,
            dump_commands::dump_audio,
            settings_commands::get_settings,
            settings_commands::set_setting,
            settings_commands::list_settings,
            settings_commands::desktop_status,
            settings_commands::list_input_devices,
            settings_commands::list_models,
            settings_commands::download_model,
            settings_commands::set_llm_provider,
            settings_commands::clear_llm_provider,
            settings_commands::embedding_status,
            settings_commands::download_embedding_model,
            backup_commands::list_backups,
            backup_commands::backup_now,
            backup_commands::choose_backup_file,
            backup_commands::restore_chosen_backup,
            backup_commands::restore_backup,
            voice_commands::start_recording,
            voice_commands::stop_recording,
            voice_commands::cancel_recording,
            voice_commands::start_level_test,
            voice_commands::stop_level_test,
            voice_commands::undo_dump,
            agent_commands::list_agents,
            agent_commands::save_agent,
            agent_commands::reset_agent,
            agent_commands::assign_agent,
            agent_commands::list_runs,
            agent_commands::get_run,
            agent_commands::list_approvals,
            agent_commands::run_agent,
            agent_commands::decide_approval,
            agent_commands::resume_run,
            agent_commands::cancel_run,
            agent_commands::list_workflows,
            agent_commands::run_workflow,
            chat_commands::chat_thread,
            chat_commands::chat_send,
            chat_commands::chat_stop,
            chat_commands::chat_clear,
            mcp_commands::list_mcp_servers,
            mcp_commands::add_mcp_server,
            mcp_commands::import_mcp_servers,
            mcp_commands::remove_mcp_server,
            mcp_commands::set_mcp_server_trusted,
            mcp_commands::mcp_server_tools,
            mcp_commands::mcp_login,
            mcp_commands::mcp_open_sign_in_page,
            mcp_commands::mcp_cancel_sign_in,
            mcp_commands::mcp_logout,
            data_commands::export_board,
            data_commands::import_board,
            vocabulary_commands::list_vocabulary,
            vocabulary_commands::add_vocabulary,
            vocabulary_commands::remove_vocabulary,
            vocabulary_commands::vocabulary_terms,
            updates::update_status,
            updates::install_update,
        ])
        .events(collect_events![
            events::StoreChanged,
            events::Voice,
            events::Chat,
            events::ModelDownload,
            events::McpSignIn,
            events::Update,
            events::ViewRequested,
        ])
        // A rejected command throws its `CommandError`, as `invoke` always did, so callers
        // keep their try/catch and switch on `code` where they care.
        .error_handling(ErrorHandlingMode::Throw)
        .typ::<CommandError>()
        // The registry's settings.ts (src/settings/docs.rs) is typed with it.
        .typ::<utter::settings::SettingInfo>()
        // Ids and counts are i64/u64 in Rust; none comes near 2^53.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type (no `Task_Serialize` / `Task_Deserialize` pairs).
        .disable_serde_phases()
}

#[cfg(test)]
mod tests;

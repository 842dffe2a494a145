//! Which language model extraction (and later agents) use: the provider settings live in the
//! settings table as JSON; the API key lives only in the OS keychain.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{ChangeEvent, Service, ServiceError, ServiceResult};
use crate::extract::ExtractedTask;
use crate::llm::{EngineUsed, LlmClient, ProviderConfig, extract_auto};
use crate::secrets::Secret;

pub const LLM_SETTING: &str = "llm.provider";
/// Keychain entry (service `utter`) that holds the provider's API key.
pub const LLM_KEY_REF: &str = "llm-api-key";

/// Which engine turns a transcript into tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    /// The configured model when there is one, else the rule engine; any model failure falls
    /// back to the rule engine.
    #[default]
    Auto,
    /// The rule engine only: no network, no model.
    Offline,
    /// The configured model (an error when none is configured), falling back on failure.
    Llm,
}

impl Service {
    pub fn llm_config(&self) -> ServiceResult<Option<ProviderConfig>> {
        let Some(json) = self.get_setting(LLM_SETTING)? else {
            return Ok(None);
        };
        serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| ServiceError::InvalidSetting {
                key: LLM_SETTING,
                reason: e.to_string(),
            })
    }

    /// Saves the provider; a given key goes to the keychain, never to the database.
    pub fn set_llm_config(
        &self,
        mut config: ProviderConfig,
        api_key: Option<Secret>,
    ) -> ServiceResult<ProviderConfig> {
        // Validates the URL and model before anything is stored.
        LlmClient::new(config.clone(), None)?;
        // The config is stored in SQLite, where no credential may go.
        if crate::mcp::inline_secrets::url_has_credentials(&config.base_url) {
            return Err(ServiceError::BadSettingValue {
                key: LLM_SETTING.into(),
                reason: "the base URL holds a credential (user:password@ or a key in the query); \
                         give the key with --api-key instead, so it is kept in the OS keychain"
                    .into(),
            });
        }
        if let Some(key) = api_key {
            self.secrets().set(LLM_KEY_REF, &key)?;
            config.api_key_ref = Some(LLM_KEY_REF.into());
        } else if let Some(old) = self.llm_config()? {
            // Changing the model or URL keeps a key set earlier.
            config.api_key_ref = old.api_key_ref;
        }
        let json = serde_json::to_string(&config).map_err(|e| ServiceError::InvalidSetting {
            key: LLM_SETTING,
            reason: e.to_string(),
        })?;
        self.set_setting(LLM_SETTING, &json)?;
        Ok(config)
    }

    /// Forgets the provider and deletes its key from the keychain.
    pub fn clear_llm_config(&self) -> ServiceResult<()> {
        if let Some(key_ref) = self.llm_config()?.and_then(|c| c.api_key_ref) {
            self.secrets().delete(&key_ref)?;
        }
        self.store().delete_setting(LLM_SETTING)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: LLM_SETTING.into(),
        });
        Ok(())
    }

    /// A client for the configured provider, or `None` when none is configured.
    pub fn llm_client(&self) -> ServiceResult<Option<LlmClient>> {
        match self.llm_config()? {
            Some(cfg) => Ok(Some(LlmClient::from_store(cfg, self.secrets())?)),
            None => Ok(None),
        }
    }

    /// Transcript → tasks with the chosen engine; says which engine actually ran. `heard`:
    /// the text came from speech recognition (see [`crate::extract::ExtractOptions::heard`]).
    pub async fn extract_with(
        &self,
        text: &str,
        now: NaiveDateTime,
        engine: Engine,
        heard: bool,
    ) -> ServiceResult<(Vec<ExtractedTask>, EngineUsed)> {
        let categories = self.list_categories()?;
        let client = match engine {
            Engine::Offline => None,
            Engine::Auto => match self.llm_client() {
                Ok(c) => c,
                // A broken setup must not cost the user their dump.
                Err(e) => {
                    let (tasks, _) = extract_auto(None, text, now, &categories, heard).await;
                    return Ok((
                        tasks,
                        EngineUsed::OfflineFallback {
                            reason: e.to_string(),
                        },
                    ));
                }
            },
            Engine::Llm => Some(self.llm_client()?.ok_or(ServiceError::NoLlmConfigured)?),
        };
        Ok(extract_auto(client.as_ref(), text, now, &categories, heard).await)
    }
}

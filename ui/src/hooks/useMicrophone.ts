// The input devices, and a live level of the chosen one while a component is mounted
// (start_level_test / stop_level_test: the device is opened, nothing is recorded).
import { useEffect, useState } from "react";

import { errorMessage, listInputDevices, startLevelTest, stopLevelTest } from "../api";
import type { InputDevice } from "../bindings";
import { useVoice } from "./useVoice";

export interface Microphone {
  /** null while loading. */
  devices: InputDevice[] | null;
  level: number;
  /** Why the list or the level test failed (e.g. "No microphone found: …"). */
  error: string | null;
}

export function useMicrophone(device: string | null): Microphone {
  const [devices, setDevices] = useState<InputDevice[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  // Why the level test of one device failed; another device's failure is not shown.
  const [testError, setTestError] = useState<{ device: string | null; message: string } | null>(
    null,
  );
  const { level } = useVoice();

  useEffect(() => {
    let live = true;
    listInputDevices().then(
      (d) => live && setDevices(d),
      (e) => {
        if (!live) return;
        setDevices([]);
        setListError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    startLevelTest(device).then(
      () => live && setTestError(null),
      (e) => live && setTestError({ device, message: errorMessage(e) }),
    );
    return () => {
      live = false;
      void stopLevelTest().catch(() => undefined);
    };
  }, [device]);

  const deviceError = testError?.device === device ? testError.message : null;
  return { devices, level, error: listError ?? deviceError };
}

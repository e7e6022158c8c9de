// What a fleet event means and what to do about it, for every DescribeFleetEvents code.
// Written in our own words from the GameLift developer guide; shown in the event details panel.
// Pure data + lookup: no vscode, no I/O. An unknown (newer) code gets generic advice.

export interface EventGuidance {
  /** One or two sentences: what happened, in plain words. */
  readonly explanation: string;
  /** Concrete things to check or do, most useful first. Empty is never returned. */
  readonly nextSteps: readonly string[];
}

/** The AWS developer-guide page that lists the fleet event codes. */
export const FLEET_EVENTS_DOCS_URL =
  'https://docs.aws.amazon.com/gamelift/latest/developerguide/monitoring-events.html';

const NOTHING_TO_DO = 'Nothing to do: this is a normal step of the lifecycle.';

// Shared wording for the lifecycle transitions, which differ only in the state named.
function fleetState(state: string, meaning: string, extra: readonly string[] = []): EventGuidance {
  return {
    explanation: `The fleet's status changed to ${state}. ${meaning}`,
    nextSteps: extra.length > 0 ? extra : [NOTHING_TO_DO],
  };
}

function locationState(state: string, meaning: string, extra: readonly string[] = []): EventGuidance {
  return {
    explanation: `One of the fleet's locations (named in the message or resource ID) changed to ${state}. ${meaning}`,
    nextSteps: extra.length > 0 ? extra : [NOTHING_TO_DO],
  };
}

const GUIDANCE: Readonly<Record<string, EventGuidance>> = {
  GENERIC_EVENT: {
    explanation:
      'GameLift recorded an event without a specific code. The message is the only description of what happened.',
    nextSteps: [
      'Read the message: it says what happened.',
      'Compare the time with the fleet events just before and after it to see what it relates to.',
    ],
  },
  FLEET_CREATED: fleetState('NEW', 'A fleet resource was created and GameLift is about to start setting it up.'),
  FLEET_DELETED: {
    explanation:
      'Someone asked GameLift to delete the fleet. Its instances are being shut down and its game sessions end.',
    nextSteps: [
      'If the deletion was not planned, look up the DeleteFleet call in CloudTrail to see who made it.',
      'Nothing else to do if you meant to delete the fleet.',
    ],
  },
  FLEET_EXPIRED: {
    explanation: 'The fleet has reached its expiry and was scaled down to zero. It can no longer host game sessions.',
    nextSteps: [
      'Create a new fleet (or a new version of it) if you still need this capacity.',
      'Move players and queues that point at this fleet to another fleet.',
    ],
  },
  FLEET_SCALING_EVENT: {
    explanation:
      "The fleet's capacity settings changed: desired, minimum or maximum instances, possibly through a scaling policy.",
    nextSteps: [
      'Read the message for the new values.',
      "If the change was unexpected, check the fleet's scaling policies and CloudTrail for UpdateFleetCapacity calls.",
    ],
  },
  FLEET_STATE_DOWNLOADING: fleetState('DOWNLOADING', "GameLift is downloading the build onto the fleet's instances."),
  FLEET_STATE_VALIDATING: fleetState(
    'VALIDATING',
    'GameLift is checking the downloaded build and the runtime configuration.',
  ),
  FLEET_STATE_BUILDING: fleetState('BUILDING', 'GameLift is preparing the instance image that the fleet will run.'),
  FLEET_STATE_ACTIVATING: fleetState(
    'ACTIVATING',
    'GameLift is starting server processes and waiting for them to report ready.',
    [
      'If the fleet stays here long, look for SERVER_PROCESS_* events: processes that never call ProcessReady keep the fleet from going active.',
    ],
  ),
  FLEET_STATE_ACTIVE: fleetState('ACTIVE', 'The fleet is ready to host game sessions.'),
  FLEET_STATE_ERROR: {
    explanation:
      "The fleet's status changed to ERROR: creation or activation failed and the fleet cannot host game sessions.",
    nextSteps: [
      'Look at the events just before this one: a FLEET_CREATION_*, FLEET_VALIDATION_* or SERVER_PROCESS_* event usually names the cause.',
      'Open the log of the failing step when it has one.',
      'Fix the build or runtime configuration, then create a new fleet; a fleet in ERROR cannot be repaired.',
    ],
  },
  FLEET_STATE_PENDING: fleetState('PENDING', 'A container fleet is waiting for GameLift to start creating it.'),
  FLEET_STATE_CREATING: fleetState('CREATING', "GameLift is creating the container fleet's resources."),
  FLEET_STATE_CREATED: fleetState('CREATED', 'The container fleet exists; a deployment will bring it to ACTIVE.'),
  FLEET_STATE_UPDATING: fleetState('UPDATING', 'A deployment or update of the fleet is in progress.', [
    'Follow the deployment in the console or with DescribeFleetDeployment if it takes long.',
  ]),
  FLEET_INITIALIZATION_FAILED: {
    explanation: 'Fleet creation failed while GameLift was setting up the fleet, before any game server could start.',
    nextSteps: [
      'Read the message and open the log if there is one.',
      "Check that the build's operating system matches the fleet's and that the instance type is available in the region.",
      'Delete the failed fleet and create it again after fixing the cause.',
    ],
  },
  FLEET_BINARY_DOWNLOAD_FAILED: {
    explanation: "The build could not be downloaded onto the fleet's instances, so creation stopped.",
    nextSteps: [
      'Check that the build is in READY status and was uploaded completely.',
      'If the build came from your own S3 bucket, check the bucket, the object key and the IAM role GameLift uses to read it.',
      'Create the fleet again once the build is fixed.',
    ],
  },
  FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND: {
    explanation: 'The runtime configuration points at a server executable that is not in the build.',
    nextSteps: [
      'Check the launch path in the runtime configuration: on Windows it starts with C:\\game, on Linux with /local/game.',
      'Make sure the executable is at that path inside the uploaded build (paths are case-sensitive on Linux).',
    ],
  },
  FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE: {
    explanation: 'GameLift started the server executable during validation and it failed to run.',
    nextSteps: [
      'Open the log: it holds the process output from validation.',
      "Run the same build locally on the fleet's operating system to reproduce the failure (missing libraries, wrong architecture, bad launch parameters).",
    ],
  },
  FLEET_VALIDATION_TIMED_OUT: {
    explanation: 'Validating the fleet at the end of creation took too long, so creation failed.',
    nextSteps: [
      'Open the log to see which step was still running.',
      'Check that the install script and the server start-up finish quickly and do not wait for input.',
    ],
  },
  FLEET_ACTIVATION_FAILED: {
    explanation: 'The fleet could not go ACTIVE because no server process started successfully.',
    nextSteps: [
      'Look for SERVER_PROCESS_* events around this time: they say why processes failed.',
      'Check that the server calls InitSDK and then ProcessReady within 5 minutes of starting.',
      'Open the log for the process output.',
    ],
  },
  FLEET_ACTIVATION_FAILED_NO_INSTANCES: {
    explanation: 'GameLift could not get any instances for the fleet, so it could not activate.',
    nextSteps: [
      'Check your EC2 instance limits for GameLift in this region (Service Quotas).',
      'Try another instance type or location; for spot fleets, capacity for the type may be short.',
    ],
  },
  FLEET_NEW_GAME_SESSION_PROTECTION_POLICY_UPDATED: {
    explanation:
      "The fleet's default game-session protection policy changed. It applies to game sessions created from now on.",
    nextSteps: [
      'Nothing to do if the change was intended; otherwise look up the UpdateFleetAttributes call in CloudTrail.',
    ],
  },
  SERVER_PROCESS_INVALID_PATH: {
    explanation:
      'A server process could not start because its launch path does not point at an executable in the build.',
    nextSteps: [
      "Fix the launch path in the fleet's runtime configuration (C:\\game\\… on Windows, /local/game/… on Linux).",
      'Check that the file exists in the build and, on Linux, is executable.',
    ],
  },
  SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT: {
    explanation:
      'A server process started but did not call InitSDK within the allowed 5 minutes, so GameLift gave up on it.',
    nextSteps: [
      'Check that the server calls InitSDK early in start-up, before loading large assets.',
      'Look at the game session log (open the log) for crashes or hangs during start-up.',
      'For Anywhere or container fleets, check that the server can reach the GameLift endpoint or agent.',
    ],
  },
  SERVER_PROCESS_PROCESS_READY_TIMEOUT: {
    explanation: 'A server process called InitSDK but did not call ProcessReady within 5 minutes.',
    nextSteps: [
      'Check that the server calls ProcessReady once it can accept a game session, and that start-up finishes in time.',
      'Open the log to see where start-up stalled.',
    ],
  },
  SERVER_PROCESS_CRASHED: {
    explanation: 'A server process exited without calling ProcessEnding first: it crashed or was stopped from inside.',
    nextSteps: [
      'Open the log for the process output and any crash trace.',
      'Check whether crashes line up with a game session, a map or a player action.',
      'Make sure the server calls ProcessEnding before it exits on purpose.',
    ],
  },
  SERVER_PROCESS_TERMINATED_UNHEALTHY: {
    explanation: 'A server process stopped reporting healthy (or its health check failed) and GameLift terminated it.',
    nextSteps: [
      'Check the OnHealthCheck callback: it must return within 60 seconds and report true when the process is fine.',
      'Look for a hang or dead-lock in the log around this time.',
    ],
  },
  SERVER_PROCESS_FORCE_TERMINATED: {
    explanation:
      'GameLift asked a server process to shut down (OnProcessTerminate) and it did not exit cleanly, so it was killed.',
    nextSteps: ['Make sure OnProcessTerminate ends the game session, calls ProcessEnding and exits promptly.'],
  },
  SERVER_PROCESS_PROCESS_EXIT_TIMEOUT: {
    explanation: 'A server process called ProcessEnding but did not exit within 30 seconds.',
    nextSteps: ['Exit the process soon after calling ProcessEnding; finish uploads and clean-up before calling it.'],
  },
  SERVER_PROCESS_SDK_INITIALIZATION_FAILED: {
    explanation: 'A server process called InitSDK and the call failed, so the process cannot host game sessions.',
    nextSteps: [
      'Log the InitSDK error in your server and open the log to read it.',
      'Check the server SDK version, and for Anywhere or container fleets the parameters passed to InitSDK (web socket URL, fleet ID, host ID, auth token).',
    ],
  },
  SERVER_PROCESS_MISCONFIGURED_CONTAINER_PORT: {
    explanation:
      "A containerised server process is not listening on a port from its container group's port configuration, so players cannot connect.",
    nextSteps: [
      "Compare the port the server reports to ProcessReady with the container group definition's port ranges.",
      "Fix the container group definition or the server's port, then deploy again.",
    ],
  },
  GAME_SESSION_ACTIVATION_TIMEOUT: {
    explanation:
      'A game session was placed on a server process but the process did not call ActivateGameSession in time, so the session failed.',
    nextSteps: [
      'Check that the OnStartGameSession callback calls ActivateGameSession quickly.',
      'Open the log to see what the process was doing when the session arrived.',
    ],
  },
  FLEET_CREATION_EXTRACTING_BUILD: {
    explanation: 'GameLift is unpacking the build on an instance as part of fleet creation.',
    nextSteps: [NOTHING_TO_DO, "If creation later fails, open this step's log."],
  },
  FLEET_CREATION_RUNNING_INSTALLER: {
    explanation: "GameLift is running the build's install script as part of fleet creation.",
    nextSteps: [NOTHING_TO_DO, "If creation later fails, open this step's log for the installer output."],
  },
  FLEET_CREATION_VALIDATING_RUNTIME_CONFIG: {
    explanation: "GameLift is checking that the runtime configuration's launch paths exist in the build.",
    nextSteps: [NOTHING_TO_DO],
  },
  FLEET_VPC_PEERING_SUCCEEDED: {
    explanation: 'The VPC peering connection between the fleet and your VPC was established.',
    nextSteps: [
      'Nothing to do. Remember to update route tables and security groups in your VPC if the game servers must reach it.',
    ],
  },
  FLEET_VPC_PEERING_FAILED: {
    explanation: 'The requested VPC peering connection between the fleet and your VPC could not be set up.',
    nextSteps: [
      "Check for overlapping CIDR blocks between your VPC and the fleet's VPC: they must not overlap.",
      'Check that the peering authorization is still valid (they expire after 24 hours) and was made from the right account.',
      'Read the message for the reason given by EC2.',
    ],
  },
  FLEET_VPC_PEERING_DELETED: {
    explanation: 'The VPC peering connection for the fleet was removed.',
    nextSteps: [
      'Nothing to do if it was deleted on purpose; otherwise look up DeleteVpcPeeringConnection in CloudTrail.',
    ],
  },
  INSTANCE_INTERRUPTED: {
    explanation: "A spot instance was reclaimed by EC2 with two minutes' notice. Game sessions on it were lost.",
    nextSteps: [
      'Expect this on spot fleets; use a queue with on-demand fallback if interruptions hurt players.',
      'Check that the server handles OnProcessTerminate to end sessions gracefully.',
    ],
  },
  INSTANCE_RECYCLED: {
    explanation:
      'GameLift judged a spot instance to be at high risk of interruption and will replace it once it has no game sessions.',
    nextSteps: [
      'Nothing to do: GameLift replaces the instance itself. Frequent recycling suggests choosing other spot instance types.',
    ],
  },
  INSTANCE_REPLACED_UNHEALTHY: {
    explanation: 'An instance was found unhealthy and GameLift replaced it with a new one.',
    nextSteps: [
      'Nothing to do if it is rare. If it repeats, look for processes that exhaust memory or disk on the instance.',
    ],
  },
  FLEET_CREATION_COMPLETED_INSTALLER: {
    explanation: "The build's install script finished successfully during fleet creation.",
    nextSteps: [NOTHING_TO_DO],
  },
  FLEET_CREATION_FAILED_INSTALLER: {
    explanation: "The build's install script failed during fleet creation, so the fleet cannot continue to validation.",
    nextSteps: [
      'Open the log for the installer output.',
      "Run the install script on a clean machine with the fleet's operating system; it must not need user input or missing tools.",
    ],
  },
  COMPUTE_LOG_UPLOAD_FAILED: {
    explanation: 'Logs from one compute could not be uploaded. Hosting may be fine, but those logs are missing.',
    nextSteps: [
      'Check that log files are written under the paths listed in ProcessReady and are not too large.',
      'If it repeats, check disk space on the compute.',
    ],
  },
  GAME_SERVER_CONTAINER_GROUP_CRASHED: {
    explanation: 'A game server container group crashed: an essential container in it stopped.',
    nextSteps: [
      'Read the message for the container that stopped and open the log if there is one.',
      'Run the container image locally to reproduce the crash; check memory and CPU limits in the group definition.',
    ],
  },
  PER_INSTANCE_CONTAINER_GROUP_CRASHED: {
    explanation: 'The per-instance container group (sidecar containers shared by the instance) crashed.',
    nextSteps: [
      'Read the message for the container that stopped and check its image and limits.',
      'Check that the sidecar does not depend on a game server container being up.',
    ],
  },
  GAME_SERVER_CONTAINER_GROUP_REPLACED_UNHEALTHY: {
    explanation: 'A game server container group was unhealthy and GameLift replaced it.',
    nextSteps: [
      'Check the container health check in the group definition; if it repeats, look for hangs in the server.',
    ],
  },
  LOCATION_STATE_PENDING: locationState('PENDING', 'GameLift will start setting up the location.'),
  LOCATION_STATE_CREATING: locationState('CREATING', "GameLift is creating the fleet's resources in the location."),
  LOCATION_STATE_CREATED: locationState('CREATED', 'The location exists and waits for activation.'),
  LOCATION_STATE_ACTIVATING: locationState('ACTIVATING', 'GameLift is starting server processes in the location.'),
  LOCATION_STATE_ACTIVE: locationState('ACTIVE', 'The location can host game sessions.'),
  LOCATION_STATE_UPDATING: locationState('UPDATING', 'A deployment or update is in progress in the location.'),
  LOCATION_STATE_ERROR: {
    explanation: "One of the fleet's locations went into an error state and cannot host game sessions there.",
    nextSteps: [
      'Read the message for the location and the cause.',
      'Check instance limits and instance-type availability in that location.',
      'Look for SERVER_PROCESS_* or container events at the same time.',
    ],
  },
  LOCATION_STATE_DELETING: locationState('DELETING', 'The location is being removed from the fleet.'),
  LOCATION_STATE_DELETED: locationState('DELETED', 'The location was removed from the fleet.'),
};

const UNKNOWN: EventGuidance = {
  explanation:
    'This event code is not known to this version of the extension (GameLift may have added it recently). The message describes what happened.',
  nextSteps: [
    'Read the message: it is written by GameLift and names the cause.',
    'Look up the code in the AWS fleet events guide.',
    'Check the events just before and after it for context.',
  ],
};

/** Explanation and next steps for an event code; generic text for codes we do not know. */
export function guidanceForCode(code: string | undefined): EventGuidance & { readonly known: boolean } {
  const found = code !== undefined && Object.prototype.hasOwnProperty.call(GUIDANCE, code) ? GUIDANCE[code] : undefined;
  return found ? { ...found, known: true } : { ...UNKNOWN, known: false };
}

/** The codes that have written guidance (for tests that check coverage of the catalog). */
export const CODES_WITH_GUIDANCE: readonly string[] = Object.keys(GUIDANCE);

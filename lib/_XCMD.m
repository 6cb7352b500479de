%XCMD ; minim library: one-liners, as GT.M's and YottaDB's %XCMD
 ;   minim -run %XCMD 'write 1,!'    XECUTEs its command line ($ZCMDLINE)
 ; (the XECUTE is on line %XCMD+5, the place GT.M's errors name)
 set etrap=$select($etrap="":"goto CLIERR^%XCMD",1:$etrap)
 set $etrap=etrap
 xecute $zcmdline
 quit
 ; With no error trap set ($ETRAP empty, no gtm_etrap), an error of the command line prints
 ; its message on the principal device and ends the process with the low byte of the error
 ; number as its exit status. The trap in use is left in the local variable etrap, as in GT.M.
CLIERR ; the command line failed: show what GT.M shows, then exit
 set $etrap=""
 use $principal
 write $piece($zstatus,",",3,$length($zstatus,",")),!
 zhalt +$zstatus

joberr1 ; JOB failures as GT.M reports them; $ZJOB is 0 after a JOB that failed
 set $etrap="write $zstatus,! set $ecode="""" quit"
 do t("job c:(foo=""x"")")
 do t("job c:(output=""/nonexistent/dir/x.mjo"")")
 do t("job c:(output=""/dev/null"":error=""/nonexistent/dir/x.mje"")")
 do t("job c:(default=""/nonexistent"")")
 do t("job c:(input=""SOCKET:nohandle"":output=""/dev/null"":error=""/dev/null"")")
 do t("job c:(input=""/nonexistent/in"")")
 do t("job c(.x)")
 do t("job nolab:(output=""/dev/null"":error=""/dev/null"")")
 do t("job ^NOSUCHRTN:(output=""/dev/null"":error=""/dev/null"")")
 do t("job c:(output=""/dev/null"":error=""/dev/null""):0")
 quit
t(x) write x,! do x(x) write "  $test=",$test," $zjob>0=",$zjob>0,! quit
x(x) xecute x quit
c quit
